"""Where demo people come from: countries, their languages, cities and common names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    name: str
    weight: float  # share among international ICT degree students in Oulu
    eu: bool
    languages: tuple[str, ...]  # ISO 639-1 besides English
    cities: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]


def _country(
    name: str,
    weight: float,
    eu: bool,
    languages: str,
    cities: str,
    women: str,
    men: str,
    surnames: str,
) -> Country:
    return Country(
        name,
        weight,
        eu,
        tuple(languages.split()),
        tuple(c.replace("_", " ") for c in cities.split()),
        tuple(women.split()),
        tuple(men.split()),
        tuple(s.replace("_", " ") for s in surnames.split()),
    )


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COUNTRIES: tuple[Country, ...] = (
    _country(
        "India",
        18,
        False,
        "hi",
        "Bengaluru Pune Hyderabad Chennai Kochi Delhi",
        "Ananya Priya Sneha Divya Kavya Aishwarya Meera Nandini Shruti Pooja",
        "Aarav Rohan Vikram Arjun Karthik Rahul Siddharth Aditya Pranav Nikhil",
        "Sharma Patel Reddy Iyer Nair Gupta Kumar Menon Rao Joshi Pillai Singh",
    ),
    _country(
        "Pakistan",
        9,
        False,
        "ur",
        "Lahore Karachi Islamabad Rawalpindi Faisalabad",
        "Ayesha Fatima Hira Sana Zainab Maham Iqra Mehwish",
        "Ahmed Hamza Usman Bilal Ali Hassan Umar Zain Saad Fahad",
        "Khan Qureshi Malik Butt Chaudhry Sheikh Raza Hussain Abbasi Mirza",
    ),
    _country(
        "Bangladesh",
        8,
        False,
        "bn",
        "Dhaka Chittagong Khulna Sylhet Rajshahi",
        "Nusrat Farhana Sadia Tasnim Sumaiya Jannatul Rumana",
        "Rafiq Tanvir Mahmud Shahriar Imran Arif Sabbir Rakib Fahim",
        "Hossain Rahman Islam Ahmed Chowdhury Sarker Haque Uddin Alam",
    ),
    _country(
        "Nepal",
        7,
        False,
        "ne",
        "Kathmandu Pokhara Lalitpur Biratnagar Bhaktapur",
        "Sita Anisha Sunita Pratiksha Srijana Asmita Rojina",
        "Bikash Suman Prakash Sandeep Rajan Niraj Aashish Sujan Bibek",
        "Shrestha Adhikari Gurung Thapa Karki Poudel Bhattarai Rai Koirala",
    ),
    _country(
        "China",
        7,
        False,
        "zh",
        "Shenzhen Chengdu Wuhan Hangzhou Xi'an Nanjing",
        "Yuxin Zihan Xinyi Jiayi Shiqi Yutong Mengyao",
        "Haoran Yuxuan Zhiwei Jiahao Tianyu Chenxi Ruiqi Mingze",
        "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu",
    ),
    _country(
        "Vietnam",
        6,
        False,
        "vi",
        "Hanoi Ho_Chi_Minh_City Da_Nang Hue Can_Tho",
        "Linh Trang Huong Ngoc Mai Thao Quynh",
        "Minh Duc Tuan Hoang Quang Khanh Long Huy",
        "Nguyen Tran Le Pham Hoang Vu Dang Bui Do",
    ),
    _country(
        "Iran",
        6,
        False,
        "fa",
        "Tehran Isfahan Shiraz Tabriz Mashhad",
        "Sara Maryam Niloofar Fatemeh Zahra Parisa Shirin",
        "Amir Reza Mohammad Ali Hossein Mehdi Arash Behnam Kian",
        "Ahmadi Hosseini Karimi Rezaei Moradi Jafari Mohammadi Rahimi Sadeghi",
    ),
    _country(
        "Nigeria",
        5,
        False,
        "",
        "Lagos Abuja Ibadan Enugu Port_Harcourt",
        "Chioma Adaeze Funmilayo Ngozi Temitope Blessing Amaka",
        "Chinedu Oluwaseun Emeka Tunde Ifeanyi Adebayo Segun Obinna",
        "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Olawale Ibrahim",
    ),
    _country(
        "Ghana",
        3,
        False,
        "",
        "Accra Kumasi Takoradi Tamale",
        "Akosua Abena Efua Adjoa Ama",
        "Kwame Kofi Yaw Kwabena Kwesi Nana",
        "Mensah Owusu Boateng Asante Osei Appiah Darko",
    ),
    _country(
        "Sri Lanka",
        3,
        False,
        "si",
        "Colombo Kandy Galle Kurunegala",
        "Nethmi Sachini Dilini Tharushi Kavindi",
        "Kasun Nuwan Chamara Dilshan Tharindu Isuru",
        "Perera Fernando Silva Jayasinghe Wickramasinghe Bandara Gunawardena",
    ),
    _country(
        "Egypt",
        3,
        False,
        "ar",
        "Cairo Alexandria Giza Mansoura",
        "Nour Salma Mariam Yasmin Habiba Aya",
        "Omar Youssef Mostafa Karim Ahmed Mahmoud Tarek",
        "Hassan Mahmoud Abdelrahman Mostafa Ibrahim Fathy Saleh",
    ),
    _country(
        "Turkey",
        3,
        False,
        "tr",
        "Istanbul Ankara Izmir Bursa Eskişehir",
        "Elif Zeynep Defne Ece Merve Büşra",
        "Emre Burak Mehmet Can Mert Kerem Oğuz",
        "Yılmaz Kaya Demir Şahin Çelik Aydın Öztürk Arslan",
    ),
    _country(
        "Indonesia",
        2,
        False,
        "id",
        "Jakarta Bandung Surabaya Yogyakarta",
        "Putri Ayu Dewi Nadia Rani",
        "Rizky Bayu Adi Fajar Dimas Arief",
        "Santoso Wijaya Pratama Saputra Hidayat Kusuma",
    ),
    _country(
        "Philippines",
        2,
        False,
        "tl",
        "Manila Cebu Davao Quezon_City",
        "Maria Andrea Kristine Patricia Angelica",
        "John Mark Paolo Carlo Miguel Rafael",
        "Santos Reyes Cruz Bautista Garcia Mendoza Villanueva",
    ),
    _country(
        "Kenya",
        2,
        False,
        "sw",
        "Nairobi Mombasa Kisumu Nakuru",
        "Wanjiru Achieng Njeri Akinyi Wambui",
        "Kamau Otieno Kiprono Mwangi Odhiambo Baraka",
        "Mwangi Otieno Kariuki Ochieng Wanjala Kipchoge Njoroge",
    ),
    _country(
        "Ethiopia",
        2,
        False,
        "am",
        "Addis_Ababa Bahir_Dar Adama Hawassa",
        "Hana Meron Selam Bethlehem Tigist",
        "Dawit Yonas Abel Henok Biruk Samuel",
        "Tesfaye Bekele Girma Haile Alemu Mengistu Tadesse",
    ),
    _country(
        "Ukraine",
        2,
        False,
        "uk ru",
        "Kyiv Kharkiv Lviv Dnipro Odesa",
        "Olena Anastasiia Yuliia Kateryna Daria",
        "Oleksandr Dmytro Andrii Maksym Artem Bohdan",
        "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boiko",
    ),
    _country(
        "Russia",
        1.5,
        False,
        "ru",
        "Saint_Petersburg Moscow Petrozavodsk Murmansk",
        "Anna Ekaterina Polina Alina Sofia",
        "Dmitry Alexey Ivan Nikita Sergey Pavel",
        "Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Morozov",
    ),
    _country(
        "Germany",
        2,
        True,
        "de",
        "Munich Berlin Stuttgart Dresden Hamburg",
        "Lena Laura Hannah Johanna Katharina",
        "Lukas Jonas Felix Maximilian Tobias Jan",
        "Müller Schmidt Fischer Weber Wagner Becker Hoffmann",
    ),
    _country(
        "France",
        1,
        True,
        "fr",
        "Lyon Grenoble Toulouse Rennes Lille",
        "Camille Léa Manon Chloé Inès",
        "Lucas Hugo Théo Louis Antoine Julien",
        "Martin Bernard Dubois Laurent Moreau Lefebvre Girard",
    ),
    _country(
        "Spain",
        2,
        True,
        "es",
        "Madrid Barcelona Valencia Seville Bilbao",
        "Lucía Marta Paula Carmen Elena Irene",
        "Pablo Javier Alejandro Daniel Sergio Álvaro",
        "García Martínez López Sánchez Fernández Romero Navarro",
    ),
    _country(
        "Italy",
        1.5,
        True,
        "it",
        "Milan Turin Bologna Rome Naples",
        "Giulia Chiara Francesca Martina Sara",
        "Marco Luca Matteo Andrea Davide Lorenzo",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo",
    ),
    _country(
        "Greece",
        1,
        True,
        "el",
        "Athens Thessaloniki Patras Heraklion",
        "Eleni Maria Katerina Sofia Despina",
        "Giorgos Nikos Dimitris Kostas Panagiotis",
        "Papadopoulos Georgiou Nikolaou Dimitriou Konstantinou",
    ),
    _country(
        "Mexico",
        1,
        False,
        "es",
        "Mexico_City Guadalajara Monterrey Puebla",
        "Valeria Fernanda Daniela Ximena Sofía",
        "Diego Luis Carlos Emiliano Santiago",
        "Hernández González Ramírez Torres Flores Vargas",
    ),
    _country(
        "Colombia",
        1,
        False,
        "es",
        "Bogotá Medellín Cali Barranquilla",
        "Laura Valentina Natalia Catalina Juliana",
        "Andrés Juan Camilo Sebastián Felipe Mateo",
        "Rodríguez Gómez Castro Rojas Ortiz Moreno",
    ),
    _country(
        "Brazil",
        1.5,
        False,
        "pt",
        "São_Paulo Campinas Curitiba Recife Porto_Alegre",
        "Ana Beatriz Larissa Gabriela Juliana",
        "Gabriel Rafael Thiago Matheus Lucas Bruno",
        "Silva Santos Oliveira Souza Pereira Almeida Carvalho",
    ),
    _country(
        "Jordan",
        1,
        False,
        "ar",
        "Amman Irbid Zarqa",
        "Lina Rania Dana Noor Leen",
        "Yazan Omar Laith Khaled Faris",
        "Haddad Khalil Nasser Saleh Awad",
    ),
)

FINNISH_WOMEN = _words(
    "Aino Emma Sofia Venla Ella Aada Helmi Iida Linnea Oona Siiri Elli Veera Laura Anni "
    "Milla Noora Jenna Henna Riikka Kaisa Satu Tiina Minna Johanna Hanna Katja Päivi Sari "
    "Marika Heidi Elina Salla Outi"
)
FINNISH_MEN = _words(
    "Eetu Aleksi Juho Onni Elias Leevi Eino Väinö Lauri Niko Joonas Ville Mikko Antti Janne "
    "Jussi Teemu Tuomas Olli Sami Markku Jari Petri Timo Heikki Pekka Matti Kalle Otto Aapo "
    "Arttu Jesse Tapio Jukka"
)
FINNISH_SURNAMES = _words(
    "Mäkelä Korhonen Virtanen Nieminen Heikkinen Hämäläinen Laitinen Karjalainen Pesonen "
    "Kemppainen Kinnunen Tervo Väisänen Rautio Jokela Pietilä Kangas Kärkkäinen Hiltunen "
    "Sipola Mattila Tuomela Ylitalo Kauppila Jääskeläinen Honkanen Ojala Seppälä Niskanen "
    "Keränen Huttunen Lehtola Suorsa Pikkarainen Juntunen Haapala Kukkonen Törmänen Karvonen "
    "Alatalo Kiiskinen Kumpulainen Kyllönen Turpeinen Vähäkangas Kähkönen Rönkkö Halonen "
    "Leinonen Saarela Hyvönen Paaso Niemelä Ronkainen Kokko Siermala"
)
# Gender-neutral first names a non-binary participant may use.
NEUTRAL_NAMES = ("Alex", "Sam", "Robin", "Kim", "Noa", "Sasha", "Eli", "Aki", "Nikita", "Ariel")

# Languages a Finnish student lists besides Finnish and English (school Swedish first).
FINNISH_EXTRA_LANGUAGES = (("sv", 0.45), ("de", 0.12), ("es", 0.08), ("fr", 0.06), ("ja", 0.04))
