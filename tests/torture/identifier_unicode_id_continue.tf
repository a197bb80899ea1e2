# identifiers with ID_Continue characters that are not Python word characters
café = 1
a·b = 2
a‿b = 3
नमस्ते = 4
℘ = 5
