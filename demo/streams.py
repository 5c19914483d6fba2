"""Small builders for demo StreamField content with stable block ids (stable ids keep re-runs idempotent)."""

import uuid

from django.utils.html import escape

NAMESPACE = uuid.UUID("2d3f1c9e-5b0a-4c1e-9a77-5e5ca1e0d001")


def block_id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def html(*paragraphs):
    """Paragraphs of plain text (escaped) or pre-built HTML fragments starting with "<"."""
    return "".join(p if p.startswith("<") else f"<p>{escape(p)}</p>" for p in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(*paragraphs):
    return ("paragraph", html(*paragraphs))


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def faq(title, *pairs):
    return ("faq", {"title": title, "items": [{"question": q, "answer": html(a)} for q, a in pairs]})


def call_to_action(title, text, button_label, *, page=None, url=""):
    """`page` is a page key ("infos-pratiques"), resolved to an id when the stream is built."""
    return ("call_to_action", {"title": title, "text": text, "page": page, "url": url, "button_label": button_label})


def image(image_key, alt_text, caption=""):
    return ("image", {"image": image_key, "alt_text": alt_text, "decorative": False, "caption": caption})


def build_stream(key, blocks, *, pages, images):
    """Raw StreamField data for `blocks`; block and list-item ids derive from `key` and the position."""
    raw = []
    for index, (block_type, value) in enumerate(blocks):
        value = dict(value) if isinstance(value, dict) else value
        if block_type == "faq":
            value["items"] = [
                {"type": "item", "value": item, "id": block_id(key, index, "item", n)}
                for n, item in enumerate(value["items"])
            ]
        elif block_type == "call_to_action":
            value["page"] = pages[value["page"]].pk if value.get("page") else None
        elif block_type == "image":
            value["image"] = images[value["image"]].pk
        raw.append({"type": block_type, "value": value, "id": block_id(key, index)})
    return raw
