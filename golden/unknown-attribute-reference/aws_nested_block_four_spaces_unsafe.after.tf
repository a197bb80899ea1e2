resource "aws_instance" "db" {
    ami           = "ami-0123456789abcdef0"
    instance_type = "t3.micro"

    root_block_device {
        volume_size = 20
    }
}

resource "aws_ebs_snapshot" "db" {
    volume_id = aws_instance.db.root_block_device[0].volume_id
}
