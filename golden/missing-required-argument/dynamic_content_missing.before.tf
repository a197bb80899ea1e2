resource "aws_security_group" "sg" {
  name = "sg"
}

resource "aws_autoscaling_group" "asg" {
  max_size = 2
  min_size = 1

  dynamic "tag" {
    for_each = var.tags
    content {
      key   = tag.key
      value = tag.value
    }
  }
}
