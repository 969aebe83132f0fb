"""Settings of the search app (owned by that app; imported by base.py).

SEARCH_URL and SEARCH_INDEX_PREFIX are read in base.py. The engine:
- SEARCH_ENGINE=""              embedded when SEARCH_URL is empty, else elasticsearch (default)
- SEARCH_ENGINE=embedded        the database stores the index, ranking runs in-process
- SEARCH_ENGINE=elasticsearch   Elasticsearch 8 or 9 at SEARCH_URL (https://user:password@host:9200)
- SEARCH_ENGINE=opensearch      OpenSearch 2 or 3 at SEARCH_URL
"""

from ..env import env_bool, env_int, env_str

SEARCH_ENGINE = env_str("SEARCH_ENGINE", "")
SEARCH_TIMEOUT = env_int("SEARCH_TIMEOUT", 5)  # seconds per request to Elasticsearch/OpenSearch
SEARCH_VERIFY_CERTS = env_bool("SEARCH_VERIFY_CERTS", True)
SEARCH_RESULTS_PER_PAGE = 20
