"""Elasticsearch/OpenSearch wiring, without a server: the index definition, the requests produced,
and what is sent when procedures are published, unpublished or deleted.

Requests go through the real `elastic_transport.Transport` (serialisation, headers, URL, auth) with a
recording node in place of the HTTP connection; the node answers with fixed JSON. Nothing here proves
that a live server accepts the requests (see docs/search.md).
"""

import json

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse

from procedures.constants import OnlineLevel
from search.engines import Filters, reset_engine
from search.engines.elastic import ElasticEngine, make_transport
from search.engines.elastic.mapping import index_definition, synonym_rules
from search.engines.elastic.queries import search_request
from search.query import parse_query
from search.services import run_search

ALIAS = "test-procedures"


class RecordingNode(BaseNode):
    """Stands in for the HTTP connection: records each request and answers from `responder`."""

    log: list = []
    responder = staticmethod(lambda method, target, body: (200, {"acknowledged": True}))

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        decoded = None
        if body:
            text = body.decode()
            if headers and "ndjson" in headers.get("content-type", ""):
                decoded = [json.loads(line) for line in text.splitlines() if line]
            else:
                decoded = json.loads(text)
        sent_headers = {
            **self.headers,
            **(headers or {}),
        }  # what a real node sends: its own and the request's
        RecordingNode.log.append(
            {"method": method, "target": target, "body": decoded, "headers": sent_headers}
        )
        status, payload = RecordingNode.responder(method, target, decoded)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(payload).encode())


@pytest.fixture
def recorder():
    RecordingNode.log = []
    RecordingNode.responder = staticmethod(lambda method, target, body: (200, {"acknowledged": True}))
    transport = make_transport(
        "https://elastic:s%40cret@search.example:9243/prefix", node_class=RecordingNode
    )
    engine = ElasticEngine(transport, alias=ALIAS, flavor="opensearch")
    reset_engine(engine)
    yield RecordingNode
    reset_engine()


def test_index_definition_folds_vietnamese_and_carries_synonyms():
    definition = index_definition(
        "idx", synonym_pairs=[("CCCD", "căn cước"), ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất")]
    )
    analysis = definition["settings"]["analysis"]
    assert analysis["char_filter"]["vi_strip_marks"] == {
        "type": "pattern_replace",
        "pattern": "\\p{M}+",
        "replacement": "",
    }
    folded = analysis["analyzer"]["vi_folded"]
    assert folded["tokenizer"] == "standard"
    assert folded["filter"] == ["lowercase", "asciifolding"]
    search = analysis["analyzer"]["vi_folded_search"]
    assert search["filter"][-1] == "vi_synonyms"
    assert analysis["filter"]["vi_synonyms"]["type"] == "synonym_graph"
    assert analysis["filter"]["vi_synonyms"]["synonyms"] == [
        "cccd => cccd, can cuoc",
        "so do => so do, giay chung nhan quyen su dung dat",
    ]
    assert analysis["filter"]["vi_shingle"] == {
        "type": "shingle",
        "min_shingle_size": 2,
        "max_shingle_size": 2,
        "output_unigrams": False,
    }
    properties = definition["mappings"]["properties"]
    assert properties["name"]["analyzer"] == "vi_folded"
    assert properties["name"]["search_analyzer"] == "vi_folded_search"
    assert properties["name"]["fields"]["pairs"]["analyzer"] == "vi_pairs"
    for keyword in ("code", "base_code", "status", "online_level", "levels"):
        assert properties[keyword]["type"] == "keyword"
    assert properties["field_id"]["type"] == "integer"


def test_synonym_rules_are_folded_and_grouped():
    rules = synonym_rules([("CCCD", "căn cước"), ("cccd", "thẻ căn cước"), ("Đ", "đ"), ("", "x")])
    assert rules == ["cccd => cccd, can cuoc, the can cuoc"]


def test_search_request_has_field_weights_pairs_codes_filters_and_disjunctive_facets():
    query = parse_query("đổi GPLX 1.000894")
    filters = Filters(
        field=frozenset({3}), level=frozenset({"province"}), online=frozenset({OnlineLevel.FULL})
    )
    body = search_request(ALIAS, query, filters=filters, offset=20, limit=20, promoted=(7,)).to_dict()
    assert body["from"] == 20 and body["size"] == 20
    outer = body["query"]["bool"]
    assert outer["must_not"] == [{"term": {"status": "abolished"}}]
    promoted, text = outer["must"][0]["bool"]["should"][1], outer["must"][0]["bool"]["should"][0]
    assert promoted == {"terms": {"page_id": [7], "boost": 10000.0}}
    clauses = text["bool"]["should"]
    multi = clauses[0]["multi_match"]
    assert multi["query"] == "doi gplx"
    assert multi["fields"][0] == "name^6" and "body^0.5" in multi["fields"]
    assert clauses[1]["multi_match"]["fields"][0] == "name.pairs^4"
    assert clauses[2]["match_phrase"]["name"]["query"] == "doi gplx"
    assert {"terms": {"code": ["1.000894"], "boost": 100.0}} in clauses
    assert body["post_filter"]["bool"]["filter"] == [
        {"terms": {"field_id": [3]}},
        {"terms": {"levels": ["province"]}},
        {"terms": {"online_level": ["full"]}},
    ]
    # Each facet's aggregation applies the other facets' filters, not its own.
    assert body["aggs"]["field"]["filter"]["bool"]["filter"] == [
        {"terms": {"levels": ["province"]}},
        {"terms": {"online_level": ["full"]}},
    ]
    assert body["aggs"]["level"]["aggs"]["values"]["terms"]["field"] == "levels"
    assert body["aggs"]["agency"]["filter"]["bool"]["filter"] == [
        {"terms": {"field_id": [3]}},
        {"terms": {"levels": ["province"]}},
        {"terms": {"online_level": ["full"]}},
    ]


def test_inactive_filter_lifts_the_status_exclusion():
    body = search_request(
        ALIAS, parse_query("khai sinh"), filters=Filters(include_inactive=True), offset=0, limit=5
    ).to_dict()
    assert "must_not" not in json.dumps(body["query"])


def test_transport_sends_plain_json_to_the_configured_url(recorder):
    engine = ElasticEngine(
        make_transport("https://elastic:s%40cret@search.example:9243/prefix", node_class=RecordingNode),
        alias=ALIAS,
    )
    engine.request("GET", "/_cluster/health")
    request = recorder.log[-1]
    assert (
        request["headers"]["accept"] == "application/json"
    )  # no compatible-with=9: ES 8 and OpenSearch accept it
    assert request["headers"]["authorization"].startswith("Basic ")
    node = engine.transport.node_pool.get()
    assert node.base_url == "https://search.example:9243/prefix"


@pytest.mark.engine
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_unpublish_and_delete_reach_the_server_after_commit(recorder, make_procedure):
    page = make_procedure("1.001193", "Thủ tục đăng ký khai sinh")
    bulks = [r for r in recorder.log if r["target"] == "/_bulk"]
    assert len(bulks) == 1
    action, document = bulks[0]["body"]
    assert action == {"index": {"_index": ALIAS, "_id": str(page.pk)}}
    assert document["name"] == "Thủ tục đăng ký khai sinh"
    assert document["code"] == "1.001193" and document["levels"] == ["commune"]
    assert document["field"] == "ho tich"  # folded text

    recorder.log.clear()
    page.unpublish()
    bulks = [r for r in recorder.log if r["target"] == "/_bulk"]
    assert bulks and bulks[-1]["body"] == [{"delete": {"_index": ALIAS, "_id": str(page.pk)}}]

    page.refresh_from_db()
    page.save_revision().publish()
    recorder.log.clear()
    page.delete()
    bulks = [r for r in recorder.log if r["target"] == "/_bulk"]
    assert bulks[-1]["body"] == [{"delete": {"_index": ALIAS, "_id": str(page.pk)}}]


@pytest.mark.django_db
def test_nothing_is_sent_when_the_transaction_rolls_back(
    recorder, make_procedure, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_procedure("1.001194", "Đăng ký kết hôn")
    assert callbacks  # queued for after commit...
    assert not [r for r in recorder.log if r["target"] == "/_bulk"]  # ...and not sent before it


@pytest.mark.engine
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rebuild_creates_a_new_index_and_moves_the_alias(recorder, make_procedure):
    from search.services import rebuild_index

    make_procedure("1.001195", "Đăng ký giám hộ")

    def respond(method, target, body):
        if method == "GET" and target == f"/_alias/{ALIAS}":
            return 200, {"test-procedures-20250101000000": {"aliases": {ALIAS: {}}}}
        if target == "/_bulk":
            return 200, {"errors": False, "items": []}
        return 200, {"acknowledged": True}

    recorder.responder = staticmethod(respond)
    recorder.log.clear()
    rebuild_index()
    created = [r for r in recorder.log if r["method"] == "PUT" and r["target"].startswith(f"/{ALIAS}-")]
    assert len(created) == 1 and "mappings" in created[0]["body"]
    aliases = [r for r in recorder.log if r["target"] == "/_aliases"][0]["body"]["actions"]
    assert aliases[0] == {"remove": {"index": "test-procedures-20250101000000", "alias": ALIAS}}
    assert aliases[1]["add"]["alias"] == ALIAS
    assert any(
        r["method"] == "DELETE" and r["target"] == "/test-procedures-20250101000000" for r in recorder.log
    )


@pytest.mark.engine
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_synonym_change_updates_the_search_analyzer(recorder):
    from search.models import Synonym

    recorder.log.clear()
    Synonym.objects.create(terms="cưới vợ", expansion="kết hôn")
    steps = [(r["method"], r["target"]) for r in recorder.log]
    assert steps == [
        ("POST", f"/{ALIAS}/_close"),
        ("PUT", f"/{ALIAS}/_settings"),
        ("POST", f"/{ALIAS}/_open"),
    ]
    rules = recorder.log[1]["body"]["analysis"]["filter"]["vi_synonyms"]["synonyms"]
    assert "cuoi vo => cuoi vo, ket hon" in rules


@pytest.mark.django_db
def test_search_results_and_facets_are_read_into_the_same_contract(recorder, sample):
    page = sample["khai_sinh"]

    def respond(method, target, body):
        if target == f"/{ALIAS}/_search" and "aggs" in body:
            return 200, {
                "hits": {
                    "total": {"value": 1, "relation": "eq"},
                    "hits": [
                        {
                            "_id": str(page.pk),
                            "_score": 7.5,
                            "_source": {
                                "page_id": page.pk,
                                "code": "1.001193",
                                "base_code": "1.001193",
                                "name": "Thủ tục đăng ký khai sinh",
                                "url": page.url,
                                "field_id": page.field_id,
                                "agency_id": page.implementing_agency_id,
                                "agency_label": "",
                                "levels": ["commune"],
                                "online_level": "none",
                                "legacy_level": "",
                                "status": "active",
                                "successor_id": None,
                            },
                        }
                    ],
                },
                "aggregations": {
                    "field": {"values": {"buckets": [{"key": page.field_id, "doc_count": 1}]}},
                    "agency": {"values": {"buckets": []}},
                    "level": {"values": {"buckets": [{"key": "commune", "doc_count": 1}]}},
                    "online": {"values": {"buckets": [{"key": "none", "doc_count": 1}]}},
                },
            }
        return 200, {"suggest": {"spelling": [{"text": "khai", "options": []}]}}

    recorder.responder = staticmethod(respond)
    outcome = run_search(query="khai sinh")
    assert [hit.code for hit in outcome.hits] == ["1.001193"]
    assert outcome.total == 1
    assert outcome.items[0].field_name == "Hộ tịch"
    assert str(outcome.items[0].name_html) == "Thủ tục đăng ký <mark>khai</mark> <mark>sinh</mark>"
    levels = [group for group in outcome.facets if group.key == "level"][0]
    assert [(option.label, option.count) for option in levels.options] == [("Cấp xã", 1)]


@pytest.mark.django_db
def test_did_you_mean_reads_the_term_suggester(recorder):
    def respond(method, target, body):
        return 200, {
            "suggest": {
                "spelling": [
                    {"text": "khai", "options": []},
                    {"text": "sinhh", "options": [{"text": "sinh", "score": 0.8, "freq": 3}]},
                ]
            }
        }

    recorder.responder = staticmethod(respond)
    engine = ElasticEngine(make_transport("http://es:9200", node_class=RecordingNode), alias=ALIAS)
    assert engine.did_you_mean(parse_query("khai sinhh")) == "khai sinh"
    assert recorder.log[-1]["body"]["suggest"]["spelling"]["term"]["field"] == "name"


def test_engine_selection_from_settings(settings):
    from search.engines import engine_name

    settings.SEARCH_ENGINE, settings.SEARCH_URL = "", ""
    assert engine_name() == "embedded"
    settings.SEARCH_URL = "http://localhost:9200"
    assert engine_name() == "elasticsearch"
    settings.SEARCH_ENGINE = "opensearch"
    assert engine_name() == "opensearch"
    settings.SEARCH_ENGINE = "solr"
    with pytest.raises(ValueError):
        engine_name()


def test_a_server_error_is_reported(recorder):
    recorder.responder = staticmethod(
        lambda method, target, body: (400, {"error": "mapper_parsing_exception"})
    )
    engine = ElasticEngine(make_transport("http://es:9200", node_class=RecordingNode), alias=ALIAS)
    with pytest.raises(RuntimeError, match="HTTP 400"):
        engine.request("PUT", "/x", {"settings": {}})
