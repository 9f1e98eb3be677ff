#!/usr/bin/env python3
# vim: set fileencoding=shift_jis :
s = 'あ'
out = ''
for ch in s:
    out += ch
