resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
    tags = {
      Created = timestamp()
    }
  }

  tags = {
    Name    = "web"
    Created = timestamp()
  }

  lifecycle {
    ignore_changes = [tags]
  }
}
