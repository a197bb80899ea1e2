resource "aws_instance" "web" {
provisioner "remote-exec" {
inline_script = <<EOT
  sudo  apt-get update
echo   done
      # not a comment
EOT
}
}
