"""Illustrations for the demo, drawn with Pillow (deterministic: same seed, same picture)."""

import functools
import io
import math
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1000
SCALE = 2  # drawn at twice the size then reduced: cheap anti-aliasing
DEMO_COLLECTION = "Démo"

# Warm, low-contrast palette (terracotta, ochre, sage, cream, dusk blue).
CREAM = (250, 240, 222)
SAND = (239, 214, 176)
OCHRE = (226, 170, 86)
TERRACOTTA = (200, 106, 74)
BRICK = (160, 78, 60)
SAGE = (139, 170, 132)
OLIVE = (96, 128, 92)
FOREST = (62, 94, 74)
DUSK = (92, 112, 150)
SKY = (178, 206, 222)
PLUM = (120, 78, 102)
WHITE = (255, 252, 246)
CHARCOAL = (62, 58, 56)


def _mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _gradient(size, top, bottom):
    width, height = size
    image = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / max(height - 1, 1)))
    return image


def _hill(draw, rng, base_y, amplitude, colour, w, h, waves=2.0):
    phase = rng.uniform(0, math.tau)
    points = [(0, h)]
    for x in range(0, w + 40, 40):
        y = (
            base_y
            + amplitude * math.sin(phase + waves * math.tau * x / w)
            + amplitude * 0.3 * math.sin(phase * 2 + 5 * math.tau * x / w)
        )
        points.append((x, y))
    points.append((w, h))
    draw.polygon(points, fill=colour)


def _sun(image, centre, radius, colour):
    glow = PILImage.new("RGBA", image.size, (0, 0, 0, 0))
    gdraw = ImageDraw.Draw(glow)
    x, y = centre
    for i in range(6, 0, -1):
        r = radius * (1 + i * 0.35)
        gdraw.ellipse([x - r, y - r, x + r, y + r], fill=(*colour, 18))
    gdraw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*colour, 255))
    image.paste(glow, (0, 0), glow)


def _leaf(draw, rng, x, y, length, colour):
    angle = rng.uniform(0, math.tau)
    width = length * 0.42
    points = []
    for i in range(37):
        t = i / 36 * math.tau
        px = math.cos(t) * length / 2
        py = math.sin(t) * width / 2 * (1 - 0.35 * math.cos(t))
        points.append(
            (x + px * math.cos(angle) - py * math.sin(angle), y + px * math.sin(angle) + py * math.cos(angle))
        )
    draw.polygon(points, fill=colour)
    dx, dy = math.cos(angle) * length / 2, math.sin(angle) * length / 2
    draw.line([(x - dx, y - dy), (x + dx, y + dy)], fill=_mix(colour, WHITE, 0.35), width=max(2, int(length / 40)))


def _person(draw, x, ground, height, colour, head=SAND):
    body_w = height * 0.42
    draw.rounded_rectangle(
        [x - body_w / 2, ground - height * 0.72, x + body_w / 2, ground], radius=body_w * 0.45, fill=colour
    )
    r = height * 0.14
    cy = ground - height * 0.72 - r * 1.15
    draw.ellipse([x - r, cy - r, x + r, cy + r], fill=head)


def _cup(draw, x, y, size, colour):
    draw.rounded_rectangle([x - size / 2, y - size * 0.8, x + size / 2, y], radius=size * 0.18, fill=colour)
    draw.arc(
        [x + size * 0.3, y - size * 0.65, x + size * 0.8, y - size * 0.2], 270, 90, fill=colour, width=int(size * 0.12)
    )
    draw.ellipse([x - size * 0.8, y - size * 0.08, x + size * 0.8, y + size * 0.12], fill=_mix(colour, WHITE, 0.6))


# --- compositions -------------------------------------------------------------------------------------------


def _landscape(rng, w, h):
    image = _gradient((w, h), _mix(SKY, CREAM, 0.2), _mix(SAND, OCHRE, 0.3))
    _sun(image, (w * rng.uniform(0.6, 0.8), h * 0.32), h * 0.09, (255, 222, 160))
    draw = ImageDraw.Draw(image)
    _hill(draw, rng, h * 0.58, h * 0.05, _mix(SAGE, SKY, 0.4), w, h)
    _hill(draw, rng, h * 0.68, h * 0.06, SAGE, w, h, waves=1.4)
    _hill(draw, rng, h * 0.8, h * 0.05, OLIVE, w, h, waves=1.1)
    # Vine rows, a nod to the Bordeaux countryside.
    for i in range(9):
        y = h * 0.86 + i * h * 0.02
        draw.line([(0, y), (w, y - h * 0.04)], fill=_mix(FOREST, OLIVE, i / 9), width=int(h * 0.006))
    return image


def _house(rng, w, h):
    image = _gradient((w, h), _mix(SKY, CREAM, 0.5), CREAM)
    draw = ImageDraw.Draw(image)
    _hill(draw, rng, h * 0.82, h * 0.015, SAGE, w, h, waves=0.8)
    left, right, top, ground = w * 0.28, w * 0.72, h * 0.36, h * 0.84
    draw.rectangle([left, top, right, ground], fill=SAND)
    draw.polygon([(left - w * 0.03, top), (w * 0.5, h * 0.16), (right + w * 0.03, top)], fill=TERRACOTTA)
    for col in range(4):
        for row in range(2):
            x = left + w * 0.045 + col * w * 0.1
            y = top + h * 0.06 + row * h * 0.16
            draw.rounded_rectangle([x, y, x + w * 0.06, y + h * 0.1], radius=8, fill=_mix(SKY, WHITE, 0.3))
            draw.rectangle([x - 6, y + h * 0.1, x + w * 0.06 + 6, y + h * 0.1 + 10], fill=BRICK)
    # Wide door reached by a gentle ramp (step-free access).
    draw.rounded_rectangle([w * 0.46, h * 0.64, w * 0.54, ground], radius=14, fill=FOREST)
    draw.polygon(
        [(w * 0.4, ground + h * 0.03), (w * 0.46, ground), (w * 0.54, ground), (w * 0.54, ground + h * 0.03)],
        fill=_mix(SAND, CHARCOAL, 0.25),
    )
    for x in (w * 0.16, w * 0.84):
        draw.rectangle([x - 10, h * 0.62, x + 10, h * 0.86], fill=BRICK)
        draw.ellipse([x - w * 0.07, h * 0.44, x + w * 0.07, h * 0.66], fill=OLIVE)
    _sun(image, (w * 0.86, h * 0.16), h * 0.06, (255, 214, 150))
    return image


def _table(rng, w, h):
    image = _gradient((w, h), _mix(OCHRE, CREAM, 0.55), _mix(TERRACOTTA, SAND, 0.5))
    draw = ImageDraw.Draw(image)
    # A window with a plant on the back wall.
    draw.rounded_rectangle([w * 0.08, h * 0.1, w * 0.3, h * 0.46], radius=18, fill=_mix(SKY, WHITE, 0.4))
    draw.line([(w * 0.19, h * 0.1), (w * 0.19, h * 0.46)], fill=WHITE, width=10)
    draw.rounded_rectangle([w * 0.9, h * 0.3, w * 0.97, h * 0.42], radius=10, fill=TERRACOTTA)
    for _ in range(7):
        _leaf(draw, rng, w * 0.935 + rng.uniform(-50, 50), h * 0.24 + rng.uniform(-60, 30), h * 0.1, SAGE)
    # People around the table, then the table in front of them.
    colours = [DUSK, PLUM, FOREST, BRICK, OLIVE]
    for i, x in enumerate([0.4, 0.53, 0.66, 0.79]):
        _person(draw, w * x, h * 0.7, h * rng.uniform(0.36, 0.42), colours[i % len(colours)])
    draw.rounded_rectangle([w * 0.06, h * 0.64, w * 0.94, h * 0.74], radius=20, fill=_mix(BRICK, SAND, 0.35))
    draw.rectangle([w * 0.12, h * 0.74, w * 0.15, h], fill=_mix(BRICK, CHARCOAL, 0.3))
    draw.rectangle([w * 0.85, h * 0.74, w * 0.88, h], fill=_mix(BRICK, CHARCOAL, 0.3))
    for x in (0.22, 0.4, 0.6, 0.78):
        _cup(draw, w * x, h * 0.665, h * 0.05, rng.choice([WHITE, SAND, SKY]))
    draw.ellipse([w * 0.46, h * 0.63, w * 0.54, h * 0.67], fill=OCHRE)
    return image


def _bus(rng, w, h):
    image = _gradient((w, h), _mix(SKY, WHITE, 0.2), _mix(SAND, CREAM, 0.5))
    draw = ImageDraw.Draw(image)
    _hill(draw, rng, h * 0.6, h * 0.04, _mix(SAGE, SKY, 0.3), w, h, waves=1.2)
    for x in (0.1, 0.9):
        draw.rectangle([w * x - 9, h * 0.45, w * x + 9, h * 0.72], fill=BRICK)
        draw.ellipse([w * x - w * 0.06, h * 0.3, w * x + w * 0.06, h * 0.52], fill=OLIVE)
    draw.rectangle([0, h * 0.72, w, h], fill=_mix(CHARCOAL, SAND, 0.55))
    for x in range(0, w, int(w * 0.12)):
        draw.rectangle([x, h * 0.85, x + w * 0.06, h * 0.865], fill=CREAM)
    left, right, top, bottom = w * 0.2, w * 0.8, h * 0.36, h * 0.78
    draw.rounded_rectangle([left, top, right, bottom], radius=50, fill=TERRACOTTA)
    draw.rectangle([left + 10, h * 0.6, right - 10, h * 0.63], fill=CREAM)
    for i in range(5):
        x = left + w * 0.03 + i * w * 0.1
        draw.rounded_rectangle([x, h * 0.42, x + w * 0.08, h * 0.55], radius=12, fill=_mix(SKY, WHITE, 0.25))
    draw.rounded_rectangle(
        [right - w * 0.07, h * 0.42, right - w * 0.02, h * 0.74], radius=10, fill=_mix(SKY, CHARCOAL, 0.2)
    )
    # A screen icon on the side: the digital help bus.
    draw.rounded_rectangle([w * 0.3, h * 0.655, w * 0.38, h * 0.735], radius=6, fill=CREAM)
    draw.rectangle([w * 0.31, h * 0.665, w * 0.37, h * 0.715], fill=DUSK)
    for x in (0.3, 0.68):
        draw.ellipse([w * x - h * 0.06, h * 0.72, w * x + h * 0.06, h * 0.84], fill=CHARCOAL)
        draw.ellipse([w * x - h * 0.025, h * 0.755, w * x + h * 0.025, h * 0.805], fill=SAND)
    return image


def _leaves(rng, w, h):
    image = _gradient((w, h), _mix(CREAM, SAGE, 0.25), _mix(SAND, SAGE, 0.35))
    draw = ImageDraw.Draw(image)
    palette = [SAGE, OLIVE, OCHRE, TERRACOTTA, FOREST, _mix(OCHRE, TERRACOTTA, 0.5)]
    for _ in range(70):
        _leaf(draw, rng, rng.uniform(0, w), rng.uniform(0, h), rng.uniform(h * 0.07, h * 0.2), rng.choice(palette))
    # A calm clearing in the middle.
    mask = PILImage.new("L", (w, h), 0)
    ImageDraw.Draw(mask).ellipse([w * 0.32, h * 0.27, w * 0.68, h * 0.73], fill=200)
    mask = mask.filter(ImageFilter.GaussianBlur(h * 0.04))
    return PILImage.composite(PILImage.new("RGB", (w, h), CREAM), image, mask)


def _calm(rng, w, h):
    image = _gradient((w, h), _mix(PLUM, SKY, 0.55), _mix(OCHRE, CREAM, 0.4))
    _sun(image, (w * 0.5, h * 0.58), h * 0.12, (255, 226, 176))
    draw = ImageDraw.Draw(image)
    for i in range(6):
        y = h * 0.62 + i * h * 0.065
        colour = _mix(DUSK, SAGE, i / 6)
        points = (
            [(0, h)]
            + [(x, y + h * 0.012 * math.sin(x / w * math.tau * 3 + i)) for x in range(0, w + 40, 40)]
            + [(w, h)]
        )
        draw.polygon(points, fill=colour)
    _person(draw, w * 0.5, h * 0.64, h * 0.14, _mix(PLUM, CHARCOAL, 0.2))
    return image


def _screens(rng, w, h):
    image = _gradient((w, h), _mix(SKY, CREAM, 0.45), _mix(SAND, CREAM, 0.2))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, h * 0.62, w, h], fill=_mix(BRICK, SAND, 0.45))
    # Laptop.
    draw.rounded_rectangle([w * 0.14, h * 0.28, w * 0.46, h * 0.6], radius=16, fill=CHARCOAL)
    draw.rectangle([w * 0.16, h * 0.31, w * 0.44, h * 0.57], fill=_mix(DUSK, SKY, 0.4))
    draw.polygon(
        [(w * 0.1, h * 0.66), (w * 0.14, h * 0.6), (w * 0.46, h * 0.6), (w * 0.5, h * 0.66)],
        fill=_mix(CHARCOAL, WHITE, 0.3),
    )
    for i in range(3):
        draw.rounded_rectangle(
            [w * 0.19, h * (0.35 + i * 0.07), w * (0.3 + 0.04 * i), h * (0.39 + i * 0.07)], radius=6, fill=CREAM
        )
    # Tablet and phone.
    draw.rounded_rectangle([w * 0.56, h * 0.3, w * 0.78, h * 0.64], radius=24, fill=CHARCOAL)
    draw.rectangle([w * 0.575, h * 0.33, w * 0.765, h * 0.61], fill=_mix(SAGE, WHITE, 0.35))
    for i in range(2):
        for j in range(3):
            x, y = w * (0.595 + j * 0.055), h * (0.36 + i * 0.1)
            draw.rounded_rectangle(
                [x, y, x + w * 0.04, y + w * 0.04], radius=10, fill=rng.choice([TERRACOTTA, OCHRE, DUSK, OLIVE])
            )
    draw.rounded_rectangle([w * 0.83, h * 0.46, w * 0.9, h * 0.64], radius=14, fill=CHARCOAL)
    draw.rectangle([w * 0.84, h * 0.48, w * 0.89, h * 0.61], fill=_mix(OCHRE, WHITE, 0.4))
    _cup(draw, w * 0.53, h * 0.74, h * 0.06, WHITE)
    return image


def _garland(rng, w, h):
    image = _gradient((w, h), _mix(SKY, WHITE, 0.3), _mix(OCHRE, CREAM, 0.5))
    draw = ImageDraw.Draw(image)
    _hill(draw, rng, h * 0.82, h * 0.02, SAGE, w, h, waves=0.7)
    palette = [TERRACOTTA, OCHRE, SAGE, DUSK, PLUM]
    for row, sag in ((h * 0.12, h * 0.1), (h * 0.26, h * 0.08)):
        previous = None
        for i in range(15):
            x = w * i / 14
            y = row + sag * math.sin(math.pi * i / 14)
            if previous:
                draw.line([previous, (x, y)], fill=CHARCOAL, width=4)
            previous = (x, y)
            if i < 14:
                draw.polygon(
                    [(x + 10, y + 4), (x + w / 14 - 10, y + 8), (x + w / 28, y + h * 0.09)],
                    fill=palette[(i + int(row)) % len(palette)],
                )
    for i, x in enumerate([0.12, 0.26, 0.4, 0.55, 0.7, 0.86]):
        _person(draw, w * x, h * 0.9, h * rng.uniform(0.3, 0.4), palette[i % len(palette)])
    for x in (0.2, 0.63, 0.93):
        cx, cy = w * x, h * rng.uniform(0.4, 0.5)
        draw.line([(cx, cy + h * 0.06), (cx + 10, cy + h * 0.24)], fill=CHARCOAL, width=3)
        draw.ellipse([cx - h * 0.045, cy - h * 0.06, cx + h * 0.045, cy + h * 0.06], fill=rng.choice(palette))
    return image


def _circle(rng, w, h):
    image = _gradient((w, h), _mix(CREAM, OCHRE, 0.25), _mix(SAND, TERRACOTTA, 0.25))
    draw = ImageDraw.Draw(image)
    draw.ellipse([w * 0.2, h * 0.55, w * 0.8, h * 0.95], fill=_mix(SAGE, CREAM, 0.35))
    palette = [DUSK, PLUM, FOREST, BRICK, OLIVE, TERRACOTTA, OCHRE]
    count = 7
    for i in sorted(range(count), key=lambda k: math.sin(math.tau * k / count + 0.3)):
        angle = math.tau * i / count + 0.3
        x = w * 0.5 + math.cos(angle) * w * 0.3
        ground = h * 0.75 + math.sin(angle) * h * 0.17
        scale = 0.8 + 0.2 * (math.sin(angle) + 1) / 2
        _person(draw, x, ground, h * 0.3 * scale, palette[i % len(palette)])
    # A leaf in the middle of the circle: mutual help.
    _leaf(draw, rng, w * 0.5, h * 0.72, h * 0.12, TERRACOTTA)
    return image


def _growth(rng, w, h):
    image = _gradient((w, h), _mix(CREAM, SKY, 0.3), CREAM)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, h * 0.82, w, h], fill=_mix(SAND, BRICK, 0.25))
    heights = [0.18, 0.26, 0.31, 0.4, 0.47, 0.56]
    for i, value in enumerate(heights):
        x = w * (0.14 + i * 0.12)
        draw.rounded_rectangle(
            [x, h * (0.82 - value), x + w * 0.08, h * 0.82],
            radius=12,
            fill=[SAGE, OLIVE, OCHRE, TERRACOTTA, DUSK, PLUM][i],
        )
    # A young tree growing at the right.
    draw.rectangle([w * 0.86 - 8, h * 0.5, w * 0.86 + 8, h * 0.82], fill=BRICK)
    for _ in range(16):
        _leaf(
            draw,
            rng,
            w * 0.86 + rng.uniform(-90, 90),
            h * 0.42 + rng.uniform(-90, 60),
            h * 0.09,
            rng.choice([SAGE, OLIVE, FOREST]),
        )
    return image


COMPOSITIONS = {
    "landscape": _landscape,
    "house": _house,
    "table": _table,
    "bus": _bus,
    "leaves": _leaves,
    "calm": _calm,
    "screens": _screens,
    "garland": _garland,
    "circle": _circle,
    "growth": _growth,
}


@functools.lru_cache(maxsize=32)
def render(kind, seed, size=(WIDTH, HEIGHT)):
    """Return the JPEG bytes of one composition; the same (kind, seed, size) always gives the same bytes."""
    rng = random.Random(f"{kind}:{seed}")  # noqa: S311 - drawing, not security: reproducible on purpose
    width, height = size
    canvas = COMPOSITIONS[kind](rng, width * SCALE, height * SCALE)
    picture = canvas.resize(size, PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue()


def demo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DEMO_COLLECTION).first()
    return collection or root.add_child(name=DEMO_COLLECTION)


def ensure_image(*, title, description, kind, seed, collection=None):
    """Get the demo image called `title`, creating it (drawn with Pillow) if missing; keep its description current."""
    Image = get_image_model()
    collection = collection or demo_collection()
    image = Image.objects.filter(title=title, collection=collection).order_by("pk").first()
    if image is None:
        data = render(kind, seed)
        image = Image(title=title, description=description, collection=collection)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{kind}-{seed}.jpg")
        image._set_image_file_metadata()
        image.save()
    elif image.description != description:
        image.description = description
        image.save(update_fields=["description"])
    return image
