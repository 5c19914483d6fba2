"""Full-page cache of public pages for anonymous visitors (docs/deploy.md, "Caching").

`middleware.PublicPageCacheMiddleware` serves and stores the pages; `invalidation` forgets them all when
content, sessions or bookings change; `store` holds the keys and the generation they depend on.
"""
