resource	"x"	"y" {	# tab then comment
	a	= [	# c
		1,	// c
		/* c */ 2,
	]
	b = <<-EOT
		tabbed heredoc ${var.x}
	EOT
	
}
# trailing comment without newline