# The two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test test-full setup setup-dev system-deps lint check test-sqlite test-postgres test-postgres-full bench clean

# --- set-up ----------------------------------------------------------------------------------
$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

# --- make run: set up, migrate, demo data, serve -----------------------------------------------
# Absolute links (e-mails, PDFs, QR codes, open data) name the address served, unless SITE_BASE_URL is set.
# Uploads are scanned by the local ClamAV daemon when one runs (Debian's clamav-daemon); otherwise the
# console says plainly that scanning is off (production refuses to deploy without it: docs/security.md).
CLAMD_SOCKET ?= /var/run/clamav/clamd.ctl
run: setup
	@if [ -S "$(CLAMD_SOCKET)" ]; then echo "Quét virus tệp tải lên: BẬT (ClamAV, $(CLAMD_SOCKET))."; \
	else echo "Quét virus tệp tải lên: TẮT — không có ClamAV đang chạy ($(CLAMD_SOCKET)); chỉ dùng để thử, không dùng cho người dân."; fi
	$(PY) manage.py migrate --no-input
	SITE_BASE_URL="$${SITE_BASE_URL:-http://$(HOST):$(PORT)}" $(PY) manage.py load_demo
	VIRUS_SCANNER="$${VIRUS_SCANNER:-$$( [ -S "$(CLAMD_SOCKET)" ] && echo clamd || echo none )}" CLAMD_SOCKET="$(CLAMD_SOCKET)" \
		SITE_BASE_URL="$${SITE_BASE_URL:-http://$(HOST):$(PORT)}" $(PY) manage.py runserver $(HOST):$(PORT)

# --- make test: everything CI runs -----------------------------------------------------------
system-deps:
	bash tests/scripts/system-deps.sh

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: setup-dev
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=check-deploy-$$RANDOM$$RANDOM-$$RANDOM$$RANDOM-0123456789abcdefghijklmnopqrstuvwxyz \
		ALLOWED_HOSTS=dichvucong.example.vn VNPAY_HASH_SECRET=check-deploy-secret VIRUS_SCANNER=clamd \
		$(PY) manage.py check --deploy --fail-level WARNING

# Tests run in parallel (pytest-xdist, one worker per core, a test file stays on one worker so that
# its module fixtures are built once), in two passes: the transactional tests (live_server, threads)
# after all the others (tests/scripts/run-pytest.sh says why). SQLite runs every test; PostgreSQL runs
# the tests whose result can depend on the engine (marked `engine` or `postgres_only`,
# docs/testing.md); test-full runs every test on both, for before a release.
export WORKERS ?= auto
RUN_PYTEST := bash tests/scripts/run-pytest.sh

test-sqlite: setup-dev
	$(RUN_PYTEST)

test-postgres: setup-dev
	bash tests/scripts/with-postgres.sh $(RUN_PYTEST) "engine or postgres_only"

test-postgres-full: setup-dev
	bash tests/scripts/with-postgres.sh $(RUN_PYTEST)

test: system-deps lint check test-sqlite test-postgres

test-full: system-deps lint check test-sqlite test-postgres-full

bench: setup-dev
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
