# first
// second
/* third */
# fourth
