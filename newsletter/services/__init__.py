"""Newsletter rules: who receives an issue, sending in batches, subscriptions and one-click unsubscribe."""
