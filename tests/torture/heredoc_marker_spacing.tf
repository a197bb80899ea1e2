a = <<EOT
text
  EOT
b = <<-EOT
  text
	EOT 	
c = <<EOT
x
EOT   
d = [<<EOT
y
   EOT
]
