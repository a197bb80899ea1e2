a = 1
# final comment, no newline