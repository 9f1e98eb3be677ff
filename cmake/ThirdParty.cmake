# Fetches the tree-sitter runtime and the Python grammar from the npm registry at configure time,
# verifies each tarball against the sha512 integrity pinned below, and builds both as static
# libraries with their own (relaxed) flags. Nothing of them is committed: they live in
# PYPERF_DEPS_DIR (default <source>/.deps, git-ignored). A second configure reuses the verified
# tarballs and needs no network.

set(PYPERF_DEPS_DIR "${PROJECT_SOURCE_DIR}/.deps" CACHE PATH "Where npm tarballs are fetched and unpacked")

# Pinned packages: name, version, npm "integrity" (sha512, base64) as published by the registry.
set(PYPERF_TS_RUNTIME_VERSION 0.25.1)
set(PYPERF_TS_RUNTIME_INTEGRITY
    "sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==")
set(PYPERF_TS_PYTHON_VERSION 0.25.0)
set(PYPERF_TS_PYTHON_INTEGRITY
    "sha512-eCmJx6zQa35GxaCtQD+wXHOhYqBxEL+bp71W/s3fcDMu06MrtzkVXR437dRrCrbrDbyLuUDJpAgycs7ncngLXw==")

# npm integrity strings are base64; CMake hashes in hex. Decode base64 -> hex (no external tool,
# so an offline re-configure needs nothing but CMake).
function(_pyperf_base64_to_hex b64 out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(REGEX REPLACE "=+$" "" b64 "${b64}")
  string(LENGTH "${b64}" len)
  set(bits 0)
  set(nbits 0)
  set(hex "")
  set(hexdigits "0123456789abcdef")
  math(EXPR last "${len} - 1")
  foreach(i RANGE 0 ${last})
    string(SUBSTRING "${b64}" ${i} 1 ch)
    string(FIND "${alphabet}" "${ch}" val)
    if(val LESS 0)
      message(FATAL_ERROR "invalid base64 character '${ch}' in pinned integrity")
    endif()
    math(EXPR bits "((${bits} << 6) | ${val}) & 0xFFFFFF")
    math(EXPR nbits "${nbits} + 6")
    while(nbits GREATER_EQUAL 4)
      math(EXPR nbits "${nbits} - 4")
      math(EXPR nib "(${bits} >> ${nbits}) & 15")
      string(SUBSTRING "${hexdigits}" ${nib} 1 h)
      string(APPEND hex "${h}")
    endwhile()
  endforeach()
  # A sha512 digest is 64 bytes = 128 hex digits; base64 padding leaves trailing partial bits.
  string(SUBSTRING "${hex}" 0 128 hex)
  set(${out_var} "${hex}" PARENT_SCOPE)
endfunction()

function(_pyperf_verify tarball integrity out_ok)
  string(REGEX REPLACE "^sha512-" "" b64 "${integrity}")
  _pyperf_base64_to_hex("${b64}" want)
  file(SHA512 "${tarball}" got)
  if(got STREQUAL want)
    set(${out_ok} TRUE PARENT_SCOPE)
  else()
    set(${out_ok} FALSE PARENT_SCOPE)
  endif()
endfunction()

# pyperf_fetch_npm(<name> <version> <integrity> <out_dir_var>): unpacked package root in out var.
function(pyperf_fetch_npm name version integrity out_var)
  set(tarball "${PYPERF_DEPS_DIR}/${name}-${version}.tgz")
  set(unpacked "${PYPERF_DEPS_DIR}/${name}-${version}")
  file(MAKE_DIRECTORY "${PYPERF_DEPS_DIR}")
  if(EXISTS "${tarball}")
    _pyperf_verify("${tarball}" "${integrity}" ok)
    if(NOT ok)
      message(WARNING "${tarball} does not match its pinned integrity; fetching it again")
      file(REMOVE "${tarball}")
      file(REMOVE_RECURSE "${unpacked}")
    endif()
  endif()
  if(NOT EXISTS "${tarball}")
    find_program(PYPERF_NPM npm)
    if(NOT PYPERF_NPM)
      message(FATAL_ERROR "npm is needed once to fetch ${name}@${version} (run scripts/setup-deps)")
    endif()
    set(staging "${PYPERF_DEPS_DIR}/staging")
    file(REMOVE_RECURSE "${staging}")
    file(MAKE_DIRECTORY "${staging}")
    message(STATUS "Fetching ${name}@${version} with npm pack")
    execute_process(
      COMMAND "${PYPERF_NPM}" pack "${name}@${version}" --silent --ignore-scripts
              --pack-destination "${staging}"
      WORKING_DIRECTORY "${staging}"
      RESULT_VARIABLE rc
      OUTPUT_VARIABLE out
      ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${staging}/${name}-${version}.tgz")
      message(FATAL_ERROR "npm pack ${name}@${version} failed (${rc}):\n${out}\n${err}")
    endif()
    _pyperf_verify("${staging}/${name}-${version}.tgz" "${integrity}" ok)
    if(NOT ok)
      message(FATAL_ERROR "${name}@${version} from npm does not match the pinned integrity ${integrity}")
    endif()
    file(RENAME "${staging}/${name}-${version}.tgz" "${tarball}")
    file(REMOVE_RECURSE "${staging}")
  endif()
  if(NOT EXISTS "${unpacked}/.unpacked")
    file(REMOVE_RECURSE "${unpacked}")
    file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${unpacked}")
    file(TOUCH "${unpacked}/.unpacked")
  endif()
  set(${out_var} "${unpacked}/package" PARENT_SCOPE)
endfunction()

pyperf_fetch_npm(tree-sitter ${PYPERF_TS_RUNTIME_VERSION} ${PYPERF_TS_RUNTIME_INTEGRITY} TS_PKG)
pyperf_fetch_npm(tree-sitter-python ${PYPERF_TS_PYTHON_VERSION} ${PYPERF_TS_PYTHON_INTEGRITY} TSPY_PKG)

set(TS_ROOT "${TS_PKG}/vendor/tree-sitter/lib")
set(TSPY_ROOT "${TSPY_PKG}/src")

# Upstream tree-sitter-python#350: the scanner's serialize loop checks `size < 1024` but writes two
# bytes per indentation level, overflowing tree-sitter's 1024-byte buffer at 511+ nested levels and
# corrupting the parser (SIGSEGV). Build a patched copy of scanner.c; fail loudly if the line moved.
file(READ "${TSPY_ROOT}/scanner.c" _scanner)
set(_guard_old "size < TREE_SITTER_SERIALIZATION_BUFFER_SIZE; ++iter")
set(_guard_new "size + 2 <= TREE_SITTER_SERIALIZATION_BUFFER_SIZE; ++iter")
string(FIND "${_scanner}" "${_guard_old}" _pos)
if(_pos LESS 0)
  message(FATAL_ERROR "tree-sitter-python scanner.c: the serialize guard to patch was not found")
endif()
string(REPLACE "${_guard_old}" "${_guard_new}" _scanner "${_scanner}")
set(_patched_scanner "${CMAKE_BINARY_DIR}/third_party/tree-sitter-python/scanner.c")
set(_old_patched "")
if(EXISTS "${_patched_scanner}")
  file(READ "${_patched_scanner}" _old_patched)
endif()
if(NOT _old_patched STREQUAL _scanner)  # rewrite only on change, so rebuilds stay incremental
  file(WRITE "${_patched_scanner}" "${_scanner}")
endif()

# Third-party code gets its own relaxed flags: no -Werror, and NDEBUG so ts_assert stays off.
add_library(pyperf_tree_sitter STATIC "${TS_ROOT}/src/lib.c" "${TSPY_ROOT}/parser.c" "${_patched_scanner}")
set_target_properties(pyperf_tree_sitter PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF
                                                    POSITION_INDEPENDENT_CODE ON)
target_include_directories(pyperf_tree_sitter PRIVATE "${TS_ROOT}/src" "${TSPY_ROOT}")
target_include_directories(pyperf_tree_sitter SYSTEM PUBLIC "${TS_ROOT}/include")
target_compile_definitions(pyperf_tree_sitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE NDEBUG)
target_compile_options(pyperf_tree_sitter PRIVATE -w)
