"""``GET /metrics`` in the Prometheus text format."""

from fastapi import APIRouter
from fastapi.responses import Response

from app.observability import metrics

router = APIRouter(tags=["health"])

TEXT = """\
# HELP broadsheet_http_requests_total HTTP requests answered
# TYPE broadsheet_http_requests_total counter
broadsheet_http_requests_total{method="GET",route="/articles/{ref}",status="200"} 3.0
"""


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}, "example": TEXT}}}},
)
def prometheus_metrics() -> Response:
    """Requests by route template, method and status (count and latency), database time
    per statement, response cache hits and misses, articles ingested by outcome, and
    extraction time, summed over every worker process. Never cached or rate limited."""
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)
