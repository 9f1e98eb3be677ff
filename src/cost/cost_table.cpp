#include "cost/cost_table.hpp"

namespace pyperf::cost {
namespace {

using C = Complexity;

// Measured constants are CPython 3.11.7 medians (n = 10^4 unless stated) from the project's
// cost-model reference; complexities follow CPython's Doc/library/time-complexity.rst.
constexpr Entry kTable[] = {
    {"list.contains", "list", "x in lst", C::Linear, C::Linear, "Objects/listobject.c list_contains()",
     "linear scan, ~5.6 ns per element (3.11), 7.6-8.1 ns (3.12/3.13)"},
    {"tuple.contains", "tuple", "x in tup", C::Linear, C::Linear, "Objects/tupleobject.c tuplecontains()",
     "linear scan; a constant tuple or list display in an `in` test is folded to one tuple constant"},
    {"set.contains", "set", "x in s", C::Constant, C::Linear, "Objects/setobject.c set_contains_key()",
     "hash probe, ~12-20 ns flat in n"},
    {"frozenset.contains-const", "frozenset", "x in {consts}", C::Constant, C::Linear,
     "Python/ast_opt.c fold_compare(): a constant set display in `in` becomes a frozenset constant",
     "no build at run time; 1.8-10x faster than the tuple scan from 5 elements"},
    {"dict.contains", "dict", "k in d", C::Constant, C::Linear, "Objects/dictobject.c dict_contains()",
     "hash probe, ~12-19 ns"},
    {"dict.keys-contains", "dict_keys", "k in d.keys()", C::Constant, C::Linear,
     "Objects/dictobject.c dictkeys_contains(): builds a keys view, then probes the dict",
     "1.7-3.1x slower than `k in d` (attribute lookup, call and view object per test)"},
    {"list.sum-concat", "list", "sum(lists, [])", C::Quadratic, C::Quadratic,
     "Python/bltinmodule.c builtin_sum_impl(): generic path calls PyNumber_Add, copying the accumulator",
     "each step copies everything summed so far"},
    {"itertools.chain", "iterator", "chain.from_iterable(lists)", C::Linear, C::Linear,
     "Modules/itertoolsmodule.c chain_next()", "each element is visited once"},
    {"list.materialize", "list", "list(it) / [... for ...]", C::Linear, C::Linear,
     "Objects/listobject.c list_extend(): consumes the whole iterable", "builds every element"},
    {"iterator.next", "iterator", "next(iter(it))", C::Constant, C::Constant, "Python/bltinmodule.c builtin_next()",
     "produces one element"},
    {"list.sort", "list", "sorted(x)", C::NLogN, C::NLogN, "Objects/listobject.c list_sort_impl() (timsort)",
     "sorted() of 10^4 random ints ~0.88 ms"},
    {"builtin.min-max", "iterable", "min(x) / max(x)", C::Linear, C::Linear, "Python/bltinmodule.c min_max()",
     "one pass"},
    {"heapq.nsmallest", "iterable", "heapq.nsmallest(k, x)", C::NLogK, C::NLogK, "Lib/heapq.py nsmallest()",
     "slower than sorted()[:k] below ~1000 elements"},
    {"list.comprehension-all", "list", "any([... for ...])", C::Linear, C::Linear,
     "Python/compile.c: a list comprehension evaluates every element before the call",
     "builds the whole list, then scans it"},
    {"generator.short-circuit", "generator", "any(... for ...)", C::FirstMatch, C::Linear,
     "Python/bltinmodule.c builtin_any(): returns at the first true element", "stops at the first match"},
    {"list.append", "list", "lst.append(x)", C::Constant, C::Linear, "Objects/listobject.c list_resize()",
     "amortized O(1): over-allocates ~1.125n + 6"},
    {"list.pop-front", "list", "lst.pop(0) / del lst[0]", C::Linear, C::Linear,
     "Objects/listobject.c list_pop_impl() / list_ass_slice(): memmove of the tail",
     "draining 10^4 items: ~500 ns per pop(0)"},
    {"list.insert-front", "list", "lst.insert(0, x)", C::Linear, C::Linear,
     "Objects/listobject.c ins1(): shifts every element", "building 10^4 items: ~680 ns per insert(0)"},
    {"deque.popleft", "deque", "dq.popleft()", C::Constant, C::Constant, "Modules/_collectionsmodule.c deque_popleft()",
     "~14 ns"},
    {"deque.appendleft", "deque", "dq.appendleft(x)", C::Constant, C::Constant,
     "Modules/_collectionsmodule.c deque_appendleft()", "~19 ns"},
    {"list.index", "list", "lst.index(x)", C::Linear, C::Linear, "Objects/listobject.c list_index_impl()",
     "linear scan"},
    {"list.count", "list", "lst.count(x)", C::Linear, C::Linear, "Objects/listobject.c list_count()",
     "always scans the whole list"},
    {"list.remove", "list", "lst.remove(x)", C::Linear, C::Linear, "Objects/listobject.c list_remove(): scan + shift",
     "linear scan plus a memmove"},
    {"dict.getitem", "dict", "d[k]", C::Constant, C::Linear, "Objects/dictobject.c dict_subscript()", "~12-19 ns"},
    {"counter.build", "Counter", "Counter(iterable), per item (counted in C)", C::Constant, C::Linear,
     "Lib/collections/__init__.py Counter.update() -> _count_elements (C)",
     "one pass; slower than a loop below ~100 items"},
    {"set.discard", "set", "s.discard(x)", C::Constant, C::Linear, "Objects/setobject.c set_discard_key()",
     "hash probe"},
    {"list.sort-each", "list", "lst.sort() after each insert", C::NLogN, C::NLogN,
     "Objects/listobject.c list_sort_impl(): timsort detects the sorted run, still O(n) per call", "per iteration"},
    {"bisect.insort", "list", "bisect.insort(lst, x)", C::Linear, C::Linear,
     "Modules/_bisectmodule.c: log n search + O(n) shift", "the shift is a fast memmove"},
    {"list.copy-slice", "list", "lst[1:]", C::Linear, C::Linear,
     "Objects/listobject.c list_subscript(): copies the slice", "copy of 10^4 items ~13 us"},
    {"set.build", "set", "set(lst)", C::Linear, C::Linear, "Objects/setobject.c set_update_internal()",
     "~9 ns per element"},
    {"dict.build", "dict", "dict(pairs)", C::Linear, C::Linear,
     "Objects/dictobject.c dict_merge()/PyDict_MergeFromSeq2()", "~23 ns per pair"},
    {"list.literal-build", "list", "[c1, c2, ...] (constants)", C::Linear, C::Linear,
     "Python/compile.c starunpack_helper(): BUILD_LIST + LIST_EXTEND at every execution",
     "4.8-7.6x slower than a tuple constant"},
    {"tuple.literal-const", "tuple", "(c1, c2, ...) (constants)", C::Constant, C::Constant,
     "Python/ast_opt.c fold_tuple(): one LOAD_CONST", "~6 ns"},
    {"list.cast-iterate", "list", "list(it) before `for v in ...` (the copy)", C::Linear, C::Linear,
     "Objects/listobject.c list_extend(): copies first", "an extra full copy before iterating"},
    {"iterable.iterate", "iterable", "for v in it (no copy)", C::Constant, C::Constant, "Python/ceval.c FOR_ITER",
     "no copy"},
    {"list.append-loop", "list", "lst.append(v) in a loop, per item", C::Constant, C::Linear,
     "Python/ceval.c CALL_LIST_APPEND / PRECALL_NO_KW_LIST_APPEND: attribute load and call per item",
     "~14 ns per item"},
    {"list.comprehension", "list", "[v for ...], per item", C::Constant, C::Linear,
     "Python/compile.c: LIST_APPEND opcode, no call",
     "1.1-1.3x faster than an append loop (3.11-3.13); slower at n = 10 on 3.11"},
    {"str.concat-local", "str", "s += piece on a plain local, per step (in place, amortized)", C::Constant, C::Linear,
     "Python/ceval.c BINARY_OP_INPLACE_ADD_UNICODE -> PyUnicode_Append in place when unshared",
     "linear only while the in-place path holds; ~9-10x slower than ''.join"},
    {"str.concat-nonlocal", "str", "obj.s += piece / global or cell s += piece, per step (a full copy)", C::Linear,
     C::Linear, "Objects/unicodeobject.c PyUnicode_Append: copies when the target is not a plain local",
     "~340x slower than ''.join at 10^4 pieces"},
    {"str.join", "str", "''.join(pieces)", C::Linear, C::Linear, "Objects/stringlib/join.h", "~2.9 ns per piece"},
    {"bytes.concat", "bytes", "b += piece, per step (a full copy)", C::Linear, C::Linear,
     "Objects/bytesobject.c bytes_concat(): always copies", "~170x slower than b''.join at 10^4 pieces"},
    {"bytearray.extend", "bytearray", "buf += piece, per step", C::Constant, C::Linear,
     "Objects/bytearrayobject.c bytearray_iconcat(): over-allocates like a list", "amortized O(1) per byte appended"},
    {"list.concat-rebind", "list", "lst = lst + [x], per step (a full copy)", C::Linear, C::Linear,
     "Objects/listobject.c list_concat(): a new list per step", "~450x slower than append at 10^4"},
    {"dict.keys-iterate", "dict", "d.keys() in `for k in d.keys()` (a view per loop)", C::Constant, C::Constant,
     "Objects/dictobject.c dictiter_iternextkey()", "one extra view object; 1.0-1.3x"},
    {"dict.iterate", "dict", "for k in d (no view)", C::Constant, C::Constant,
     "Objects/dictobject.c dictiter_iternextkey()", "~5 ns per key"},
    {"dict.lookup-in-key-loop", "dict", "d[k] inside `for k in d`, per key (a second probe)", C::Constant, C::Linear,
     "Objects/dictobject.c: a hash probe per key on top of the iteration", "1.1-1.7x slower than items()"},
    {"dict.items", "dict", "for k, v in d.items(), per pair", C::Constant, C::Constant,
     "Objects/dictobject.c dictiter_iternextitem()", "~8 ns per pair"},
    {"dict.manual-count", "dict", "if k in d: d[k] += 1 else: d[k] = 1, per item (two or three probes)", C::Constant,
     C::Linear, "two or three hash probes per item in bytecode", "Counter(keys) is 1.5-2.2x faster from ~100 items"},
};

}  // namespace

std::string_view to_string(Complexity complexity) {
  switch (complexity) {
    case C::Constant:
      return "O(1)";
    case C::Logarithmic:
      return "O(log n)";
    case C::FirstMatch:
      return "O(k)";
    case C::Linear:
      return "O(n)";
    case C::NLogK:
      return "O(n log k)";
    case C::NLogN:
      return "O(n log n)";
    case C::Quadratic:
      return "O(n²)";
  }
  return "O(?)";
}

std::span<const Entry> table() {
  return kTable;
}

const Entry* find(std::string_view id) {
  for (const Entry& e : kTable) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::optional<Change> find_change(std::string_view before_id, std::string_view after_id) {
  const Entry* before = find(before_id);
  const Entry* after = find(after_id);
  if (before == nullptr || after == nullptr) return std::nullopt;
  return Change{*before, *after};
}

}  // namespace pyperf::cost
