"""PPL107 linear-search-lookup: a loop searching a list of records for a key -> a dict built once.

Mirrors the rule's fixture `find_user(user_id)`: `for user in USERS: if user["id"] == user_id:
return user`, called once per lookup. The advice, measured as `dict-index`: index the records by
that key once (`{u["id"]: u for u in USERS}`, built in the timed "after") and keep the function,
whose body becomes `return USERS_BY_ID.get(user_id)`. The ids are unique here; with repeated keys
the index must keep the first record to match the loop (see the rule doc).

n is the number of records and of lookups (90% hit).

FIRES_FROM = 10, the smallest size measured: rules/lookup/linear_search_lookup.cpp fires when the
search repeats (in a loop over an unchanged list, or in a function over a module-level or attribute
list that is not mutated), with no size threshold.
"""

import random

CODE = "PPL107"
NAME = "linear-search-lookup"
VARIANT = "dict-index"
N = "number of records = number of lookups (90% hit)"
BEFORE = 'for user in USERS: if user["id"] == user_id: return user   # per lookup'
AFTER = 'USERS_BY_ID = {u["id"]: u for u in USERS}  # once; then USERS_BY_ID.get(user_id)'
SIZES = (10, 100, 1000, 2000)
FIRES_FROM = 10


def setup(n):
    rng = random.Random(107)
    ids = rng.sample(range(10 * n), n)
    users = [{"id": i, "name": "user%d" % i} for i in ids]
    queries = [rng.choice(ids) if rng.random() < 0.9 else -1 - rng.randrange(n) for _ in range(n)]
    return users, queries


def _find_user(users, user_id):
    for user in users:
        if user["id"] == user_id:
            return user
    return None


def _find_user_indexed(users_by_id, user_id):
    return users_by_id.get(user_id)


def before(inputs):
    users, queries = inputs
    return [_find_user(users, q) for q in queries]


def after(inputs):
    users, queries = inputs
    users_by_id = {u["id"]: u for u in users}
    return [_find_user_indexed(users_by_id, q) for q in queries]
