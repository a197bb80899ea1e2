resource "aws_instance" "web" {
  ami           = data.aws_ami.al2.id
  instance_type = "t3.micro"
  user_data_base64 = base64gzip(templatefile("${path.module}/cloud-init.yaml", {
    hostname = "web"
  }))
  user_data_replace_on_change = true
}
