"""Partner rules: the directory and distance search, conventions and partner accounts, member cards."""
