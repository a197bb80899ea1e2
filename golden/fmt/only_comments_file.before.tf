   # first
	// second
  /* third */
# fourth
