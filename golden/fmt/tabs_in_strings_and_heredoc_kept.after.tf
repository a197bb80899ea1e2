locals {
  a = "x	y"
  b = <<EOT
	indented	with tabs	
EOT
}
