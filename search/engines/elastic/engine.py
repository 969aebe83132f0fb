"""Elasticsearch 8/9 and OpenSearch 2/3 engine.

Requests are built with `elasticsearch.dsl` and sent through `elastic_transport` (the transport layer of
the `elasticsearch` client) with plain JSON headers. The `Elasticsearch` client class itself is not
used: version 9 of it asks servers for `compatible-with=9` responses and refuses servers that do not
say they are Elasticsearch, which would rule out Elasticsearch 8 and OpenSearch.

Index updates: documents are written to the `SearchDocument` table first (the source of truth, in the
publishing transaction); after that transaction commits they are sent to the search server in one bulk
request. `rebuild_search_index` creates a fresh index, fills it and moves the alias to it.
"""

import logging
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from elastic_transport import NodeConfig, Transport
from elastic_transport.client_utils import basic_auth_to_header

from ..base import FACETS, Engine, EngineResult, Filters, Hit
from .mapping import index_definition, synonym_settings
from .queries import autocomplete_request, search_request

__all__ = ["ElasticEngine", "make_transport"]

logger = logging.getLogger(__name__)
JSON_HEADERS = {"content-type": "application/json", "accept": "application/json"}
NDJSON_HEADERS = {"content-type": "application/x-ndjson", "accept": "application/json"}
DOCUMENT_FIELDS = (
    "page_id",
    "code",
    "base_code",
    "url",
    "field_id",
    "agency_id",
    "agency_label",
    "levels",
    "online_level",
    "legacy_level",
    "status",
    "successor_id",
)


def make_transport(url: str, *, timeout: float = 5, verify_certs: bool = True, node_class=None) -> Transport:
    parts = urlsplit(url)
    scheme = parts.scheme or "http"
    headers = {}
    if parts.username:
        headers["authorization"] = basic_auth_to_header(
            (unquote(parts.username), unquote(parts.password or ""))
        )
    node = NodeConfig(
        scheme=scheme,
        host=parts.hostname or "localhost",
        port=parts.port or (443 if scheme == "https" else 9200),
        path_prefix=parts.path.rstrip("/"),
        headers=headers,
        request_timeout=timeout,
        verify_certs=verify_certs if scheme == "https" else False,
    )
    kwargs = {"node_class": node_class} if node_class is not None else {}
    return Transport([node], **kwargs)


def document_body(document) -> dict:
    """The JSON document of a SearchDocument row (display values kept, text already folded)."""
    body = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
    body["levels"] = list(document.levels or [])
    body["name"] = document.name
    body["keywords"] = document.keywords_folded
    body["field"] = document.field_folded
    body["agency"] = document.agency_folded
    body["body"] = document.body_folded
    body["indexed_at"] = document.indexed_at.isoformat() if document.indexed_at else None
    return body


class ElasticEngine(Engine):
    def __init__(self, transport: Transport, *, alias: str, flavor: str = "elasticsearch"):
        self.transport = transport
        self.alias = alias
        self.name = flavor

    @classmethod
    def from_settings(cls, *, flavor: str = "elasticsearch") -> "ElasticEngine":
        url = settings.SEARCH_URL
        if not url:
            raise ValueError(f"SEARCH_ENGINE={flavor} needs SEARCH_URL (https://user:password@host:9200)")
        transport = make_transport(
            url, timeout=settings.SEARCH_TIMEOUT, verify_certs=settings.SEARCH_VERIFY_CERTS
        )
        return cls(transport, alias=f"{settings.SEARCH_INDEX_PREFIX}-procedures", flavor=flavor)

    # --- transport ------------------------------------------------------------------------------
    def request(self, method: str, path: str, body=None, *, ndjson: bool = False, ignore=()):
        headers = NDJSON_HEADERS if ndjson else JSON_HEADERS
        response = self.transport.perform_request(method, path, body=body, headers=headers)
        status = response.meta.status
        if status >= 400 and status not in ignore:
            raise RuntimeError(f"{method} {path} → HTTP {status}: {str(response.body)[:500]}")
        return response

    # --- index maintenance ----------------------------------------------------------------------
    def create_index(self, name: str) -> None:
        from ...synonyms import synonym_pairs

        self.request("PUT", f"/{name}", index_definition(name, synonym_pairs=synonym_pairs()))

    def _bulk(self, index: str, documents, removed_page_ids) -> None:
        lines: list[dict] = []
        for document in documents:
            lines.append({"index": {"_index": index, "_id": str(document.page_id)}})
            lines.append(document_body(document))
        for page_id in removed_page_ids:
            lines.append({"delete": {"_index": index, "_id": str(page_id)}})
        if not lines:
            return
        response = self.request("POST", "/_bulk", lines, ndjson=True)
        body = response.body if isinstance(response.body, dict) else {}
        if body.get("errors"):
            failed = [
                item for item in body.get("items", []) if next(iter(item.values())).get("status", 200) >= 300
            ]
            real = [item for item in failed if "delete" not in item or item["delete"].get("status") != 404]
            if real:
                raise RuntimeError(f"bulk indexing failed for {len(real)} documents: {real[:3]}")

    def documents_changed(self, *, upserted: list, removed_page_ids: list[int]) -> None:
        written = {document.page_id for document in upserted}
        removed = [page_id for page_id in removed_page_ids if page_id not in written]
        transaction.on_commit(lambda: self._bulk(self.alias, upserted, removed))

    def rebuilt(self) -> None:
        transaction.on_commit(self.rebuild_from_table)

    def rebuild_from_table(self) -> str:
        """Fill a new index from the SearchDocument table and point the alias at it."""
        from ...models import SearchDocument

        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}"
        self.create_index(name)
        batch = []
        for document in SearchDocument.objects.order_by("pk").iterator(chunk_size=500):
            batch.append(document)
            if len(batch) == 500:
                self._bulk(name, batch, [])
                batch = []
        self._bulk(name, batch, [])
        self.request("POST", f"/{name}/_refresh")
        current = self.request("GET", f"/_alias/{self.alias}", ignore=(404,))
        old = list(current.body) if current.meta.status == 200 and isinstance(current.body, dict) else []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.request("POST", "/_aliases", {"actions": actions})
        for index in old:
            self.request("DELETE", f"/{index}", ignore=(404,))
        return name

    def synonyms_changed(self) -> None:
        transaction.on_commit(self.update_synonyms)

    def update_synonyms(self) -> None:
        """Put the new synonym list into the search analyzer (close, update settings, open)."""
        from ...synonyms import synonym_pairs

        self.request("POST", f"/{self.alias}/_close")
        try:
            self.request("PUT", f"/{self.alias}/_settings", synonym_settings(synonym_pairs()))
        finally:
            self.request("POST", f"/{self.alias}/_open")

    # --- searching ------------------------------------------------------------------------------
    def _hits(self, body: dict, promoted=()) -> list[Hit]:
        hits = []
        for item in body.get("hits", {}).get("hits", []):
            source = item.get("_source", {})
            page_id = int(source.get("page_id") or item.get("_id"))
            hits.append(
                Hit(
                    page_id=page_id,
                    code=source.get("code", ""),
                    base_code=source.get("base_code", ""),
                    name=source.get("name", ""),
                    url=source.get("url", ""),
                    field_id=source.get("field_id"),
                    agency_id=source.get("agency_id"),
                    agency_label=source.get("agency_label", ""),
                    levels=tuple(source.get("levels") or ()),
                    online_level=source.get("online_level", ""),
                    legacy_level=source.get("legacy_level", ""),
                    status=source.get("status", ""),
                    successor_id=source.get("successor_id"),
                    score=item.get("_score") or 0.0,
                    promoted=page_id in promoted,
                )
            )
        return hits

    def search(
        self, query, *, filters: Filters, offset: int, limit: int, promoted=(), token=""
    ) -> EngineResult:
        request = search_request(
            self.alias, query, filters=filters, offset=offset, limit=limit, promoted=promoted
        )
        body = self.request("POST", f"/{self.alias}/_search", request.to_dict()).body
        total = body.get("hits", {}).get("total", 0)
        total = total.get("value", 0) if isinstance(total, dict) else int(total)
        facets = {}
        for facet in FACETS:
            buckets = body.get("aggregations", {}).get(facet, {}).get("values", {}).get("buckets", [])
            facets[facet] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
        return EngineResult(hits=self._hits(body, promoted), total=total, facets=facets)

    def autocomplete(self, query, *, limit: int, token="") -> list[Hit]:
        if not query.folded:
            return []
        request = autocomplete_request(self.alias, query, limit=limit)
        return self._hits(self.request("POST", f"/{self.alias}/_search", request.to_dict()).body)

    def did_you_mean(self, query, token="") -> str | None:
        from elasticsearch.dsl import Search

        if not query.words:
            return None
        request = (
            Search(index=self.alias)
            .extra(size=0)
            .suggest("spelling", query.folded, term={"field": "name", "suggest_mode": "missing"})
        )
        body = self.request("POST", f"/{self.alias}/_search", request.to_dict()).body
        corrected, changed = [], False
        for entry in body.get("suggest", {}).get("spelling", []):
            options = entry.get("options") or []
            if options:
                corrected.append(options[0]["text"])
                changed = True
            else:
                corrected.append(entry.get("text", ""))
        return " ".join(word for word in corrected if word) if changed else None
