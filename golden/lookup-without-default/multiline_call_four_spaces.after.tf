resource "aws_instance" "web" {
    ami = var.amis[var.region]

    tags = {
        Name = "web"
    }
}

resource "aws_eip" "web" {
    instance = aws_instance.web.id
    domain   = "vpc"
}
