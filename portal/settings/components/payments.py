"""Settings of the payments app (owned by that app; imported by base.py; docs/payments.md).

PAYMENT_VNPAY points the VNPAY adapter at a gateway: the project's simulator by default (relative
URLs are prefixed with SITE_BASE_URL when used), the VNPAY sandbox or production by environment.
"""

from ..env import env_bool, env_int, env_str

PAYMENT_PROVIDER = env_str("PAYMENT_PROVIDER", "vnpay")
# Minutes a citizen has to finish paying at the gateway (sent as vnp_ExpireDate); an open payment
# older than this is settled with the gateway (querydr) and, unpaid there, marked expired.
PAYMENT_EXPIRE_MINUTES = env_int("PAYMENT_EXPIRE_MINUTES", 15)
# The gateway simulator (payments/simulator/): on unless switched off; production settings switch it off.
PAYMENT_SIMULATOR = env_bool("PAYMENT_SIMULATOR", True)
PAYMENT_VNPAY = {
    "TMN_CODE": env_str("VNPAY_TMN_CODE", "DVCTNDEV"),
    # The development secret is public: it only ever signs requests to the simulator.
    "HASH_SECRET": env_str("VNPAY_HASH_SECRET", "gia-lap-khong-dung-cho-san-xuat-0123456789"),
    "PAY_URL": env_str("VNPAY_PAY_URL", "/thanh-toan/gia-lap/paymentv2/vpcpay.html"),
    "API_URL": env_str("VNPAY_API_URL", "/thanh-toan/gia-lap/merchant_webapi/api/transaction"),
    # Where the simulator delivers its IPN (the real gateway's IPN URL is set in its merchant portal).
    "IPN_URL": env_str("VNPAY_IPN_URL", "/thanh-toan/ipn/"),
    "TIMEOUT": env_int("VNPAY_TIMEOUT_SECONDS", 15),
}
