resource "aws_instance" "web" {
    ami = "ami-123"

    tags = {
        # who pays
        Team = "blue"
        Name = "web"
        Team = "green"
    }
}
