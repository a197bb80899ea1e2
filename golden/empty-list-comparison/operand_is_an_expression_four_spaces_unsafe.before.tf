resource "aws_security_group" "this" {
    count = concat(var.a, var.b) == [] ? 0 : 1
    name  = "sg"

    tags = {
        Name = "sg"
    }
}
