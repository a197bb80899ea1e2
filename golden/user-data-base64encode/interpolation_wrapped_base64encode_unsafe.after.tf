resource "aws_instance" "web" {
  ami           = data.aws_ami.al2.id
  instance_type = "t3.micro"
  user_data_base64 = base64encode(local.bootstrap)
}
