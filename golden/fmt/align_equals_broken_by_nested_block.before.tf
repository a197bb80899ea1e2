resource "aws_instance" "web" {
  ami = "ami-123"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
    encrypted = true
  }
  count = 2
  monitoring = true
  timeouts { create = "5m" }
  tenancy = "default"
  ebs_optimized = true
}
