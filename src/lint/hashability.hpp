#pragma once
// Whether values are visibly unhashable: the facts behind "use a set / a dict" advice. A set or a
// dict key needs hashable items; a list, a dict, a set, or an instance of a class whose __hash__ is
// None raises TypeError there. Each question answers with a short reason for messages, or an empty
// string when the file shows nothing (unknown stays unknown: the advice then stands).

#include <string>

#include "semantic/model.hpp"
#include "syntax/tree.hpp"

namespace pyperf::lint {

// Why instances of the class defined by `class_def` (a class_definition node) cannot be hashed:
// "`P` defines `__eq__` without `__hash__`", a `@dataclass` with eq=True that is not frozen, a
// frozen dataclass with a list/dict/set field, `__hash__ = None`, a subclass of list/dict/set, or
// a base class of the module that is unhashable. Empty when hashable or unknown.
std::string unhashable_class_reason(const syntax::Node& class_def, const semantic::Model& model);

// Why the value of `expression` visibly cannot be hashed: a list/dict/set display, comprehension
// or known kind, an instance of an unhashable class of this module (a constructor call, an
// annotation), or a name bound to one of those (or to an element of a collection whose elements
// are visibly unhashable). Empty when the file does not show it.
std::string unhashable_value_reason(const syntax::Node& expression, const semantic::Model& model);

// Why some element of the collection `collection` (a name or `self.attr`) visibly cannot be hashed:
// its display or comprehension builds such elements, or it is given one by append, insert, extend
// or `+=`. Empty when the file does not show it.
std::string unhashable_elements_reason(const syntax::Node& collection, const semantic::Model& model);

}  // namespace pyperf::lint
