resource "aws_instance" "web" {
  ebs_block_device {
    volume_size = "${var.size}"
  }
}
