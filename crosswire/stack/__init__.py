"""The local stack: Redis and Elasticsearch as plain processes on loopback.

For machines without a container engine (and for tests): ``up`` starts private
instances under ``settings.stack_dir`` with the ports from the settings, ``down``
stops exactly those, ``status`` reports them. docker-compose.yml is the container
equivalent of the same two services.
"""

from __future__ import annotations

from crosswire.stack.errors import StackError
from crosswire.stack.manager import SERVICE_NAMES, down, status, up
from crosswire.stack.models import ServiceStatus, StackStatus

__all__ = ["SERVICE_NAMES", "ServiceStatus", "StackError", "StackStatus", "down", "status", "up"]
