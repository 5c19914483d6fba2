"""Editorial pages, news and site settings."""

from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, StandardPage
from .settings import FooterLink, PracticalInfo, SiteSettings, SocialLink

__all__ = [
    "FooterLink",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PracticalInfo",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
]
