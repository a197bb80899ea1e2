resource "aws_instance" "app_web" {
    ami = "ami-123"
}

resource "aws_instance" "web" {
    ami = "ami-123"
}
