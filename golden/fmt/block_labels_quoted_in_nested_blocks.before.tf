resource "aws_instance" "web" {
  provisioner local-exec {
    command = "echo hi"
  }
  dynamic ebs_block_device {
    for_each = var.disks
    content {}
  }
}
