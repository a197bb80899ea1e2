locals {
  a = 1	# key	value
	#	indented	comment
}
