"""What a running server tells its operators: Prometheus metrics and one log line a request.

Importing this package costs next to nothing: ``prometheus_client`` loads with the first
metric recorded, so a worker boots no slower for it."""
