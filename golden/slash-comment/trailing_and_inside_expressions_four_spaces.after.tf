resource "aws_instance" "web" {
    ami = var.ami # per region

    # network
    subnet_id = element([
        var.a, # first
        var.b,
    ], 0)
}
