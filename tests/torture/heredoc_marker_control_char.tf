a = <<EOT
EOT
EOT
b = 1
