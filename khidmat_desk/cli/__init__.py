"""`khidmat-desk`: admin and automation commands over the same use cases the counter uses."""
