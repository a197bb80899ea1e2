resource "aws_instance" "web" {
  ami           = data.aws_ami.al2.id           # Amazon Linux 2
  instance_type = "t3.micro"                    # free tier
  user_data     = base64encode(local.bootstrap) # cloud-init script
}
