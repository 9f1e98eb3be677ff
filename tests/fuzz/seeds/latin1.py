# -*- coding: latin-1 -*-
K = 'é'
for c in 'abc':
    if c in ['é', 'b']:
        pass
