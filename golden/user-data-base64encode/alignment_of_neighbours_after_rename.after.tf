resource "aws_instance" "web" {
  ami                    = data.aws_ami.al2.id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
  monitoring             = true
  user_data_base64       = base64encode(local.bootstrap)
  key_name               = "ops"

  root_block_device {
    volume_size = 20
  }

  tags = {
    Name = "web"
  }
}

resource "aws_instance" "api" {
  ami              = data.aws_ami.al2.id
  user_data_base64 = base64encode(local.bootstrap)

  ebs_optimized = true
}
