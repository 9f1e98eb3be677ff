#include <catch2/catch.hpp>

#include "syntax/source.hpp"

using pyperf::syntax::find_invalid_utf8;
using pyperf::syntax::Position;
using pyperf::syntax::SourceText;

TEST_CASE("line index and columns on ASCII text", "[source]") {
  const auto src = SourceText::from_utf8("ab\ncd\n\nef");
  REQUIRE(src.line_count() == 4);
  CHECK(src.position(0) == Position{1, 1});
  CHECK(src.position(1) == Position{1, 2});
  CHECK(src.position(3) == Position{2, 1});
  CHECK(src.position(7) == Position{4, 1});
  CHECK(src.position(9) == Position{4, 3});  // end of text
  CHECK(src.line_text(0) == "ab");
  CHECK(src.line_text(2).empty());
  CHECK(src.line_text(3) == "ef");
}

TEST_CASE("columns count characters, UTF-16 units and bytes", "[source]") {
  // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units.
  const auto src = SourceText::from_utf8("x = \"é😀\" + y\n");
  const std::string_view text = src.text();
  const auto y = static_cast<std::uint32_t>(text.find('y'));
  CHECK(src.position(y) == Position{1, 12});
  CHECK(src.utf16_column(y) == 13);
  CHECK(src.byte_column(y) == 16);
}

TEST_CASE("CRLF lines keep their offsets, lone CR becomes a newline", "[source]") {
  const auto crlf = SourceText::from_utf8("a = 1\r\nb = 2\r\n");
  CHECK(crlf.line_count() == 3);
  CHECK(crlf.line_text(0) == "a = 1");
  CHECK(crlf.line_text(1) == "b = 2");
  CHECK(crlf.position(7) == Position{2, 1});

  const auto cr = SourceText::from_utf8("a = 1\rb = 2\r");
  CHECK(cr.text() == "a = 1\nb = 2\n");
  CHECK(cr.line_count() == 3);
  CHECK(cr.line_text(1) == "b = 2");
}

TEST_CASE("a UTF-8 byte order mark is stripped and remembered", "[source]") {
  auto loaded = SourceText::load("\xEF\xBB\xBFx = 1\n");
  REQUIRE(loaded.source);
  CHECK(loaded.source->had_bom());
  CHECK(loaded.source->text() == "x = 1\n");
  CHECK(loaded.source->position(0) == Position{1, 1});
}

TEST_CASE("NUL bytes and invalid UTF-8 are rejected with a position", "[source]") {
  auto nul = SourceText::load(std::string("x = 1\ny = '\0'\n", 13));
  CHECK_FALSE(nul.source);
  CHECK(nul.error == "source contains a NUL byte at line 2, column 6");

  auto bad = SourceText::load("x = 1\ns = '\xff'\n");
  CHECK_FALSE(bad.source);
  CHECK(bad.error.find("invalid UTF-8 at line 2, column 6 (byte 0xFF)") == 0);
}

TEST_CASE("the UTF-8 validator follows CPython's decoder", "[source]") {
  CHECK(find_invalid_utf8("plain ascii text, long enough for the fast path") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("\xC0\x80") == 0);          // overlong NUL
  CHECK(find_invalid_utf8("ab\xE0\x80\x80") == 2);    // overlong 3-byte
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("abc\xC3") == 3);           // truncated
  CHECK(find_invalid_utf8("\x80") == 0);              // stray continuation
}

TEST_CASE("a PEP 263 coding cookie decodes the file", "[source]") {
  auto latin1 = SourceText::load("# -*- coding: latin-1 -*-\nname = '\xe9t\xe9'\n");
  REQUIRE(latin1.source);
  CHECK(latin1.source->text() == "# -*- coding: latin-1 -*-\nname = '\xC3\xA9t\xC3\xA9'\n");
  CHECK(latin1.source->declared_encoding() == "latin-1");

  auto second_line = SourceText::load("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n");
  REQUIRE(second_line.source);
  CHECK(second_line.source->text().find("\xE2\x82\xAC") != std::string_view::npos);  // euro sign

  auto utf8 = SourceText::load("# coding: utf-8\nx = 'é'\n");
  REQUIRE(utf8.source);
  CHECK(utf8.source->declared_encoding().empty());

  auto unknown = SourceText::load("# coding: no-such-codec\nx = 1\n");
  CHECK_FALSE(unknown.source);
  CHECK(unknown.error.find("unknown encoding 'no-such-codec'") != std::string::npos);

  // A cookie on line 2 counts only when line 1 is a comment or blank.
  auto ignored = SourceText::load("x = 1\n# coding: latin-1\ns = '\xff'\n");
  CHECK_FALSE(ignored.source);
}
