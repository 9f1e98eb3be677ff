näme = ['😀', 'é']
for α in range(3):
    if '😀' in näme:  x = 1
y = 1﻿
