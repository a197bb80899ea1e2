resource "aws_security_group" "this" {
    count = length(concat(var.a, var.b)) == 0 ? 0 : 1
    name  = "sg"

    tags = {
        Name = "sg"
    }
}
