resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "ebs_block_device" {
    for_each = var.volumes
    content {
      device_name = ebs_block_devic.value.name
      volume_size = 20
    }
  }
}
