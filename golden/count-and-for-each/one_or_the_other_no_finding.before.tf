resource "aws_instance" "web" {
  count = 2
  ami   = "ami-0c55b159cbfafe1f0"

  dynamic "ebs_block_device" {
    for_each = toset(["/dev/sdb"])
    content {
      device_name = ebs_block_device.key
    }
  }
}

resource "aws_iam_user" "u" {
  for_each = toset(["a"])
  name     = each.key
}
