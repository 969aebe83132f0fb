vcl 4.1;
# Varnish in front of the portal's gunicorn (docs/deployment.md): nginx (TLS) → Varnish :6081 →
# gunicorn :8000. What may be kept is the portal's decision (core.middleware.FrontCacheMiddleware:
# `Cache-Control: public, s-maxage=…` on anonymous pages that set no cookie); this file only makes
# sure signed-in citizens and officers bypass the cache and that publishing can purge a page.

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .probe = { .url = "/"; .interval = 10s; .timeout = 5s; .window = 5; .threshold = 3; }
}

# Who may purge: the portal itself (Wagtail's frontend cache sends PURGE on publish).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every copy of the address (each language, any host name): a ban on the stored URL.
        ban("obj.http.x-url == " + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed in (a session), in the middle of a form (a CSRF token) or with a message waiting to be
    # shown ("messages"): never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|tai-khoan|ho-so|lich-hen|thanh-toan|xac-thuc|api|documents|i18n)/") {
        return (pass);
    }
    # Keep only the language cookie (pages differ by language); drop analytics and the like.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(django_language)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # The portal answers in Vietnamese or English: one cache entry per language, not per browser.
    if (req.http.Cookie ~ "django_language=en" || (!req.http.Cookie && req.http.Accept-Language ~ "^en")) {
        set req.http.Accept-Language = "en";
    } else {
        set req.http.Accept-Language = "vi";
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.Accept-Language);
}

sub vcl_backend_response {
    # Kept on the stored object so that a PURGE can ban it by address (removed before delivery).
    set beresp.http.x-url = bereq.url;
    # Only what the portal marked public is kept; anything with a cookie never is.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Vary: Cookie is the session's; the cookie was reduced to the language above, already hashed.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsub(beresp.http.Vary, "(^|,\s*)Cookie", "");
    }
    # Serve a stale copy for a while if gunicorn is slow or down.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
