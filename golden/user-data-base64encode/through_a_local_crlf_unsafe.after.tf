locals {
    user_data = base64encode(templatefile("${path.module}/boot.sh", { env = var.env }))
}

resource "aws_instance" "web" {
    ami              = var.ami
    user_data_base64 = local.user_data # rendered once
}
